# Owned by one area; included from its parent fragment.
