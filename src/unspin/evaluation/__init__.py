"""Evaluation on the shared tasks' formats: the command-line sub-apps over `ptc/`, `checkthat/` and `polnear/`."""
