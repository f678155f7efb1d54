"""Story: the views a presenter saved, in order, to retitle, reorder, present, share or save."""

import streamlit as st

from dashboard import stories, ui, ui_story, ui_story_editor
from dashboard.page_params import STORY
from dashboard.stories import StoryError
from dashboard.urlstate import view_link

ui.page(
    "Story",
    "The views you saved with 'Add this view to the story', in the order you present them. "
    "The story stays in this browser tab; share it as a link or save it as a file.",
)
state = st.session_state
fresh = ui.url_state("story", STORY, {}, {})
if fresh and state["story-token"]:  # a shared story: it replaces this tab's story
    try:
        ui_story.replace(stories.decode(state["story-token"]))
        st.success(f"Opened a story of {len(ui_story.current())} view(s) from the link.")
    except StoryError as error:
        st.warning(f"This link's story cannot be read: {error}.", icon=":material/link_off:")


views = ui_story_editor.editor()
state["story-token"] = stories.encode(views) if views else ""
if views:
    with st.expander("Share the story as one link", icon=":material/link:"):
        address = view_link(st.context.url or "", {"story": [state["story-token"]]})
        st.code(address, language=None, wrap_lines=True)
ui.finish("story", STORY, {}, [])
