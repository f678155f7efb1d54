"""Story: the views a presenter saved, in order, to retitle, reorder, present, share or save.

A shared story's link opens the show itself, in presenter mode on its first view."""

import streamlit as st

from dashboard.site import BY_PATH
from dashboard.ui import page, room, story_codec, story_editor, story_session
from dashboard.ui.query import escape_markdown, view_link
from dashboard.ui.story_codec import StoryError

STORY = BY_PATH["story"]
TOKEN = STORY.keys["story"]

page.start(
    "Story",
    "The views you saved with 'Add this view to the story', in the order you present them. "
    "The story stays in this browser tab; share it as a link or save it as a file.",
)
state = st.session_state
fresh = page.url_state(STORY, {}, {})
if fresh and state[TOKEN]:  # a shared story: it replaces this tab's story, and the show starts
    try:
        story_session.replace(story_codec.decode(state[TOKEN]))
    except StoryError as error:
        st.warning(  # the reason is escaped: it never renders as Markdown or a link
            f"This link's story cannot be read: {escape_markdown(str(error))}.",
            icon=":material/link_off:",
        )
    else:
        story_session.go(0)  # presenter mode on its first view; "Edit story" comes back here
        st.success(f"Opened a story of {len(story_session.current())} view(s) from the link.")


views = story_editor.editor()
state[TOKEN] = story_codec.encode(views) if views else ""
if views:
    with st.expander("Share the story as one link", icon=":material/link:"):
        address = room.themed(
            view_link(st.context.url or "", {"story": [state[TOKEN]]}), page.theme()
        )
        st.code(address, language=None, wrap_lines=True)
page.finish(STORY, {}, [])
