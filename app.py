"""The coder web app: `streamlit run app.py` (or `make run`), served on 127.0.0.1."""

import streamlit as st

from coder.ui import overview, reader, search

st.set_page_config(page_title="coder", layout="wide")
pages = {
    "overview": st.Page(overview.render, title="Corpus", url_path="corpus", default=True),
    "reader": st.Page(reader.render, title="Lezen", url_path="lezen"),
    "search": st.Page(search.render, title="Zoeken", url_path="zoeken"),
}
st.session_state["pages"] = pages
st.navigation(list(pages.values())).run()
