"""The link-and-content checker for the built site and its Markdown sources.

Run it with `python -m scripts.check_site`; see README.md in this folder for the finding codes.
"""
