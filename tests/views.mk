# Tests of the Diagnosis, Eligibility and Accounts panes.
