"""A deliberately naive restatement of the rules, to test the real ones.

Plain sets and strings, one line of logic per rule, no shared code with
the library: if the two disagree on a random input, one of them is wrong.
"""

NA = frozenset({"US", "CA", "MX"})
PROFESSIONAL_ONLY = frozenset({"professional"})


def eligibility(plan, home, scope=NA, plans=PROFESSIONAL_ONLY):
    """(allowed, determining rule keys) for using the unified account."""
    denies = set()
    if home not in scope:
        denies.add("eu-distinct")
    if plan not in plans:
        denies.add("professional-only")
    if denies:
        return False, denies
    return True, {"eu-distinct", "professional-only"}


def may_list(plan, home, turned_on, where, scope=NA, plans=PROFESSIONAL_ONLY):
    """(allowed, rule keys) for listing products in marketplace ``where``."""
    if where == home and where in scope:
        return True, {"home-only-by-default"}
    denies = set()
    if where not in scope:
        denies.add("na-scope")
    ok, keys = eligibility(plan, home, scope, plans)
    if not ok:
        denies |= keys
    if denies:
        return False, denies
    if where not in turned_on:
        return False, {"home-only-by-default"}
    return True, {
        "list-anywhere",
        "na-scope",
        "eu-distinct",
        "professional-only",
    }


def switcher(plan, home, scope=NA, plans=PROFESSIONAL_ONLY):
    """The marketplaces the switcher offers."""
    ok, _ = eligibility(plan, home, scope, plans)
    return set(scope) if ok else {home}


def effective_info(registration, overrides, where):
    """The account information ``where`` uses."""
    return overrides.get(where, registration)
