"""The reader's side, pure: stories, page models, bodies, dates, images and rendering.

Nothing here touches files, git or the clock: the services hand in what the repository holds
(front matter, bodies, image bytes, template texts) and the moment of the build, and get back
pages as bytes. Jinja2, markdown-it-py and Babel are imported inside the functions that use
them, so ``redaksi --help`` never pays for them.
"""
