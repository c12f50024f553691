# Diagnosis, Eligibility and Accounts panes.
