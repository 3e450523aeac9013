from . import gov_letter_demo
