"""Story: the views a presenter saved, in order, to retitle, reorder, present, share or save."""

import streamlit as st

from dashboard import stories, ui, ui_story
from dashboard.page_params import STORY
from dashboard.site import BY_PATH
from dashboard.stories import StoryError
from dashboard.urlstate import escape_markdown, view_link

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


def retitle(index: int) -> None:
    views = stories.retitle(ui_story.current(), index, state[f"story-title-{index}"])
    state[ui_story.STORY_KEY] = views


def rearrange(change) -> None:
    ui_story.replace(change(ui_story.current()))


def load_file() -> None:
    uploaded = state.get("story-file")
    if uploaded is None:
        return
    try:
        ui_story.replace(stories.from_file(uploaded.getvalue()))
        st.toast(f"Opened a story of {len(ui_story.current())} view(s) from the file.")
    except StoryError as error:
        st.toast(f"This file cannot be opened: {error}.")


views = ui_story.current()
if not views:
    st.info(
        "The story is empty. On any page, open 'Add this view to the story' in the sidebar.",
        icon=":material/slideshow:",
    )
for i, view in enumerate(views):
    path, query = stories.split_link(view.link)
    page = BY_PATH.get(path)
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"story-view-{i}"):
        st.text_input(
            f"View {i + 1}",
            value=view.title,
            key=f"story-title-{i}",
            on_change=retitle,
            args=(i,),
            max_chars=stories.MAX_TITLE,
            width=420,
        )
        if page is not None:
            st.page_link(page.script, label=page.title, query_params=query, icon=page.icon)
        st.button(
            "Up",
            icon=":material/arrow_upward:",
            key=f"story-up-{i}",
            disabled=i == 0,
            on_click=rearrange,
            args=(lambda v, i=i: stories.move(v, i, -1),),
        )
        st.button(
            "Down",
            icon=":material/arrow_downward:",
            key=f"story-down-{i}",
            disabled=i == len(views) - 1,
            on_click=rearrange,
            args=(lambda v, i=i: stories.move(v, i, 1),),
        )
        st.button(
            "Remove",
            icon=":material/delete:",
            key=f"story-remove-{i}",
            on_click=rearrange,
            args=(lambda v, i=i: stories.remove(v, i),),
        )
    st.caption(escape_markdown(view.link))  # escaped: a link is never read as Markdown

row = st.container(horizontal=True)
if row.button(
    "Present the story",
    icon=":material/slideshow:",
    key="story-present",
    type="primary",
    disabled=not views,
):
    ui_story.go(0)
row.download_button(
    "Save as a file",
    stories.to_file(views),
    file_name="story.json",
    mime="application/json",
    key="story-save",
    icon=":material/download:",
    disabled=not views,
)
row.button(
    "Clear the story", key="story-clear", disabled=not views, on_click=ui_story.replace, args=((),)
)
st.file_uploader("Open a story file", type=["json"], key="story-file", on_change=load_file)

state["story-token"] = stories.encode(views) if views else ""
if views:
    with st.expander("Share the story as one link", icon=":material/link:"):
        address = view_link(st.context.url or "", {"story": [state["story-token"]]})
        st.code(address, language=None, wrap_lines=True)
ui.finish("story", STORY, {}, [])
