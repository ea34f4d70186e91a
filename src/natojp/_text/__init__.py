"""Text primitives every other package shares: the word pattern, sentence and
paragraph layout, quotation marks, folding, and the lexicon of honorifics and titles."""
