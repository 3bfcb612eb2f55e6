"""The untrusted-input boundary: bytes in (data, rules, pages, answers), validated models out."""
