"""The support console: a FastAPI app with server-rendered pages (Spanish UI, no build step,
no CDN). ``resolvia console`` serves it; :func:`console.app.create_app` builds it."""
