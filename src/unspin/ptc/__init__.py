"""SemEval-2020 Task 11 (Propaganda Techniques Corpus) formats and metrics."""
