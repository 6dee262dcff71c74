"""Words: the shipped lexicon, the vocabularies, and the tokenizer the spelling and markup rules share."""

from speclint.words.lexicon import Lexicon, lexicon_for
from speclint.words.tokens import Token, tokens, word_tokens

__all__ = ["Lexicon", "Token", "lexicon_for", "tokens", "word_tokens"]
