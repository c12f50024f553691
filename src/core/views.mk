# Diagnosis, Eligibility and Accounts panes' core views.
