"""Performance audit: Lighthouse scores and page weight of representative pages (`make audit`)."""
