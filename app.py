"""The coder web app: `streamlit run app.py` (or `make run`), served on 127.0.0.1.

Every run starts at the login gate (coder/ui/login.py); the pages offered depend
on the role, and the service layer refuses whatever a role may not do anyway.
"""

import streamlit as st

from coder import codebook, users
from coder.ui import (
    analysis,
    export,
    findings,
    login,
    overview,
    progress,
    search,
    suggestions,
    summaries,
    workspace,
)
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
db = database()
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
    "suggestions": st.Page(suggestions.render, title="Suggesties", url_path="suggesties"),
}
reader = login.gate(db, list(pages.values()))
login.account_box(db, reader)
# the steering group reads and comments: no coding pages, and no raw export unless granted
hidden = {
    "workspace": not users.can(db, reader, "code"),
    "search": not users.can(db, reader, "code"),
    "suggestions": not users.can(db, reader, "code"),
    "export": not users.can(db, reader, "export"),
}
pages = {key: page for key, page in pages.items() if not hidden.get(key)}
st.session_state["pages"] = pages
st.navigation(list(pages.values())).run()
