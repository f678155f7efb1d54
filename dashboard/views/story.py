"""Story: the views a presenter saved, in order, to retitle, reorder, present, share or save."""

import streamlit as st

from dashboard.site import BY_PATH
from dashboard.ui import page, stories, story, story_editor
from dashboard.ui.query import view_link
from dashboard.ui.stories import StoryError

STORY = BY_PATH["story"]
TOKEN = STORY.keys["story"]

page.start(
    "Story",
    "The views you saved with 'Add this view to the story', in the order you present them. "
    "The story stays in this browser tab; share it as a link or save it as a file.",
)
state = st.session_state
fresh = page.url_state(STORY, {}, {})
if fresh and state[TOKEN]:  # a shared story: it replaces this tab's story
    try:
        story.replace(stories.decode(state[TOKEN]))
        st.success(f"Opened a story of {len(story.current())} view(s) from the link.")
    except StoryError as error:
        st.warning(f"This link's story cannot be read: {error}.", icon=":material/link_off:")


views = story_editor.editor()
state[TOKEN] = stories.encode(views) if views else ""
if views:
    with st.expander("Share the story as one link", icon=":material/link:"):
        address = view_link(st.context.url or "", {"story": [state[TOKEN]]})
        st.code(address, language=None, wrap_lines=True)
page.finish(STORY, {}, [])
