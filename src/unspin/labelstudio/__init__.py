"""Review and retrain with Label Studio: unspin's findings as pre-annotations, annotators'
corrections read back into the formats unspin trains and scores on.

- `offsets`: Python code points <-> the UTF-16 code units Label Studio's browser counts;
- `config`: the labelling configuration (techniques, attribution roles and relations, claims);
- `tasks`: analyses as tasks with predictions (export, and the ML backend's /predict);
- `corrections`: a Label Studio JSON export read back (import), written as PTC, brat, CheckThat;
- `agreement`: unspin's predictions scored against the annotators' corrections;
- `cli`: `unspin labelstudio config|export|import|score`.
"""
