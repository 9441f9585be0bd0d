"""CLEF CheckThat! 2024 Task 1 (check-worthiness) file formats and scoring."""
