# Minimal helpers; the commands are the same without make.
PYTHON ?= .venv/bin/python

.PHONY: docs gallery tour

docs:  ## build the documentation site into site/ (warnings are errors)
	$(PYTHON) -m mkdocs build --strict

gallery:  ## rerun the tour into docs/assets/tour/ and rewrite docs/gallery.md
	$(PYTHON) docs/scripts/gen_gallery.py

tour:  ## run the walkthrough into algconv-tour/
	$(PYTHON) -m algconv tour
