"""Dashboard of memberships, agreements and the Minsk–Caspian–Persian Gulf corridor."""
