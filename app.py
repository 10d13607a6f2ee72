"""The coder web app: `streamlit run app.py` (or `make run`), served on 127.0.0.1."""

import streamlit as st

from coder import codebook
from coder.ui import analysis, export, findings, overview, progress, search, summaries, workspace
from coder.ui import codebook as codebook_page
from coder.ui import pilot as pilot_page
from coder.ui.common import database


@st.cache_resource
def _prepare() -> bool:
    """Once per server: load the default codebook into a database that has none."""
    codebook.ensure_default_codebook(database())
    return True


st.set_page_config(page_title="coder", layout="wide")
_prepare()
pages = {
    "overview": st.Page(overview.render, title="Corpus", url_path="corpus", default=True),
    "workspace": st.Page(workspace.render, title="Coderen", url_path="coderen"),
    "search": st.Page(search.render, title="Zoeken", url_path="zoeken"),
    "progress": st.Page(progress.render, title="Voortgang", url_path="voortgang"),
    "codebook": st.Page(codebook_page.render, title="Codeboek", url_path="codeboek"),
    "analysis": st.Page(analysis.render, title="Analyse", url_path="analyse"),
    "summaries": st.Page(summaries.render, title="Samenvattingen", url_path="samenvattingen"),
    "findings": st.Page(findings.render, title="Bevindingen", url_path="bevindingen"),
    "export": st.Page(export.render, title="Export", url_path="export"),
    "pilot": st.Page(pilot_page.render, title="Pilot", url_path="pilot"),
}
st.session_state["pages"] = pages
st.navigation(list(pages.values())).run()
