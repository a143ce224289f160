"""Speed measurements: each prints its figures; none is ever asserted in the test suite."""
