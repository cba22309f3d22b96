"""MEA Assistant: cited answers over the texts of Multilateral Environmental Agreements."""
