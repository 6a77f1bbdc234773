"""Scripts that build the data files the NLP reads: the currency table from the Unicode CLDR
(`build_currency_table`) and the agreement classifier's weights (`train_agreement_classifier`)."""
