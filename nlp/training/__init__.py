"""Scripts that build the data files the NLP reads: the currency table from the Unicode CLDR
(`build_currency_table`), the agreement classifier's weights (`train_agreement_classifier`) and fine-tuned
weights of the small model's entity recogniser (`train_entity_recogniser`); and the measured, unshipped
check on organisation names (`organisation_classifier`, trained and scored by `bench/organisation_classifier_cv.py`)."""
