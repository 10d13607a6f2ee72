"""Streamlit pages. They call the service layer (``coder.corpus`` ...) and format; no SQL."""
