"""PDF print-outs (reportlab): fonts, shared flowables, the contract, the bilingual summary, the penalty sheet."""
