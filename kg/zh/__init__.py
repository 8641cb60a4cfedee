"""Chinese-language facts: numerals and scales, script conversion, punctuation and width."""
