"""The scope-and-account rules, as laws and against the reference model.

Rules: ``na-scope``, ``list-anywhere``, ``switcher-means-unified``,
``no-merge``, ``home-only-by-default``, ``account-info-defaults``,
``eu-distinct``, ``professional-only``.
"""

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import reference_model as ref
from unified_account import (
    FAQ,
    INDIVIDUAL_PLANS,
    Marketplace,
    Outcome,
    RuleKey,
    RuleViolation,
    SellingPlan,
    customise_account_info,
    effective_account_info,
    evaluate_eligibility,
    evaluate_listing_marketplace,
    evaluate_merge,
    evaluate_scope,
    evaluate_unified,
    example_snapshot,
    explain,
    marketplace_switcher,
    offer_marketplaces,
    reset_account_info,
    scope_marketplaces,
)
from unified_account import strategies as ua


def keys(decision_or_resolved):
    return {str(key) for key in decision_or_resolved.rules}


def codes(marketplaces):
    return {m.name for m in marketplaces}


def ref_args(account, edition):
    return {
        "scope": codes(edition.scope),
        "plans": {plan.value for plan in edition.qualifying_plans},
    }


class TestAgreesWithTheReferenceModel:
    """For random accounts and editions: same outcome, same rule keys."""

    @given(ua.seller_accounts(), ua.editions())
    def test_eligibility(self, account, edition):
        """``eu-distinct`` and ``professional-only`` as the model says."""
        decision = evaluate_eligibility(account, edition=edition)
        expected = ref.eligibility(
            account.plan.value, account.home.name, **ref_args(account, edition)
        )
        assert (decision.allowed, keys(decision)) == expected

    @given(ua.seller_accounts(), ua.marketplaces(), ua.editions())
    def test_listing_marketplace(self, account, marketplace, edition):
        """``list-anywhere`` and ``home-only-by-default`` as the model says."""
        decision = evaluate_listing_marketplace(
            account, marketplace, edition=edition
        )
        expected = ref.may_list(
            account.plan.value,
            account.home.name,
            codes(account.marketplaces),
            marketplace.name,
            **ref_args(account, edition),
        )
        assert (decision.allowed, keys(decision)) == expected

    @given(ua.seller_accounts(), ua.editions())
    def test_switcher(self, account, edition):
        """``switcher-means-unified``: the switcher and the verdict."""
        switcher = marketplace_switcher(account, edition=edition)
        expected = ref.switcher(
            account.plan.value, account.home.name, **ref_args(account, edition)
        )
        assert codes(switcher.value) == expected
        unified = evaluate_unified(account, edition=edition)
        assert unified.allowed == (len(expected) > 1)
        assert RuleKey.SWITCHER_MEANS_UNIFIED in unified.rules

    @given(ua.seller_accounts(), ua.marketplaces(in_scope=True))
    def test_effective_account_info(self, account, marketplace):
        """``account-info-defaults``: the override, else registration."""
        resolved = effective_account_info(account, marketplace)
        expected = ref.effective_info(
            account.registration_info,
            dict(account.info_overrides),
            marketplace,
        )
        assert resolved.value == expected
        assert keys(resolved) == {"account-info-defaults"}


class TestNaScope:
    """``na-scope``."""

    @given(ua.marketplaces(), ua.editions())
    def test_a_marketplace_is_in_scope_exactly_when_the_edition_says(
        self, marketplace, edition
    ):
        """Allowed iff the marketplace is in the edition's scope."""
        decision = evaluate_scope(marketplace, edition=edition)
        assert decision.allowed == (marketplace in edition.scope)
        assert keys(decision) == {"na-scope"}

    def test_the_faq_scope_is_exactly_us_ca_and_mx(self):
        """One, two or all three: these three."""
        assert codes(m for m in Marketplace if evaluate_scope(m).allowed) == {
            "US",
            "CA",
            "MX",
        }


class TestEligibility:
    """``eu-distinct`` and ``professional-only``."""

    @given(ua.seller_accounts(plans=ua.selling_plans(professional=False)))
    def test_an_individual_account_is_never_eligible_in_the_faq(self, account):
        """Individual accounts cannot sell across North America."""
        decision = evaluate_eligibility(account)
        assert not decision.allowed
        assert RuleKey.PROFESSIONAL_ONLY in decision.rules

    @given(ua.seller_accounts(homes=ua.marketplaces(in_scope=False)))
    def test_an_account_registered_outside_the_scope_is_never_eligible(
        self, account
    ):
        """A seller registered on amazon.de (or .co.jp) is not eligible."""
        decision = evaluate_eligibility(account)
        assert not decision.allowed
        assert RuleKey.EU_DISTINCT in decision.rules

    @given(
        ua.seller_accounts(
            plans=ua.selling_plans(professional=True),
            homes=ua.marketplaces(in_scope=True),
        )
    )
    def test_a_professional_na_account_is_eligible(self, account):
        """Both rules allow, and both are named."""
        decision = evaluate_eligibility(account)
        assert decision.allowed
        assert keys(decision) == {"eu-distinct", "professional-only"}

    @given(ua.seller_accounts(homes=ua.marketplaces(in_scope=True)))
    def test_the_individual_plans_edition_ignores_the_plan(self, account):
        """Under the later edition every NA registration qualifies."""
        assert evaluate_eligibility(account, edition=INDIVIDUAL_PLANS).allowed

    def test_faq_an_individual_account_on_amazon_de_fails_both_rules(self):
        """A denial names every rule that denies."""
        account = attrs.evolve(
            _example().separate_accounts[1], plan=SellingPlan.INDIVIDUAL
        )
        decision = evaluate_eligibility(account)
        assert keys(decision) == {"eu-distinct", "professional-only"}
        assert decision.outcome is Outcome.DENIED


class TestNoMerge:
    """``no-merge``."""

    @given(ua.seller_accounts(), ua.seller_accounts(), ua.editions())
    def test_no_merge_denies_exactly_the_pairs_of_its_scope(
        self, first, second, edition
    ):
        """Issue 17: two accounts of the scope, or one twice, are denied.

        Any other pair is outside the rule: undetermined.  Never allowed:
        the rule has no merge to offer.
        """
        decision = evaluate_merge(first, second, edition=edition)
        assert keys(decision) == {"no-merge"}
        (reason,) = decision.reasons
        if first.seller_id == second.seller_id:
            assert decision.outcome is Outcome.DENIED
            assert reason.message_id == "no-merge.same-account"
        elif first.home in edition.scope and second.home in edition.scope:
            assert decision.outcome is Outcome.DENIED
            assert reason.message_id == "no-merge.denied"
        else:
            assert decision.outcome is Outcome.UNDETERMINED
            assert reason.message_id == "no-merge.outside-rule"
            assert set(reason.param("scope")) == set(edition.scope)

    @given(ua.seller_accounts(), ua.editions())
    def test_an_account_cannot_merge_with_itself(self, account, edition):
        """Denied, and said as such, wherever it is registered."""
        decision = evaluate_merge(account, account, edition=edition)
        assert decision.outcome is Outcome.DENIED
        assert [r.message_id for r in decision.reasons] == [
            "no-merge.same-account"
        ]

    def test_two_north_american_accounts_cannot_be_merged(self):
        """The FAQ's case: Amazon.com and Amazon.ca accounts stay apart."""
        snapshot = example_snapshot()
        us, ca = snapshot.account, snapshot.separate_accounts[0]
        decision = evaluate_merge(us, ca)
        assert decision.outcome is Outcome.DENIED
        assert [(r.message_id, dict(r.params)) for r in decision.reasons] == [
            (
                "no-merge.denied",
                {
                    "first": us.seller_id,
                    "first_home": Marketplace.US,
                    "second": ca.seller_id,
                    "second_home": Marketplace.CA,
                },
            )
        ]

    def test_a_us_and_a_german_account_are_outside_the_rule(self):
        """Issue 17: ``evaluate_merge(us_account, de_account)``.

        The FAQ's "no" is about accounts on North American marketplaces;
        Seller Central's "Merging accounts" page (help 201841950) merges
        accounts across regions.  Not a denial: undetermined, said so.
        """
        us = example_snapshot().account
        de = attrs.evolve(
            us,
            seller_id="A3EXAMPLEDE",
            home=Marketplace.DE,
            marketplaces={Marketplace.DE},
            info_overrides={},
        )
        decision = evaluate_merge(us, de)
        assert decision.outcome is Outcome.UNDETERMINED
        assert [r.message_id for r in decision.reasons] == [
            "no-merge.outside-rule"
        ]
        assert explain(decision, "en") == (
            "The rule that separate accounts cannot be merged covers "
            "accounts registered on Amazon.com, Amazon.ca, and "
            "Amazon.com.mx; A1EXAMPLEUS (registered on Amazon.com) and "
            "A3EXAMPLEDE (registered on Amazon.de) are not both such "
            "accounts, so whether they can be merged is for Amazon's "
            "account merging process in Seller Central (help page "
            "201841950)",
        )


class TestMessageIds:
    """Each reason of the scope-and-account policies, pinned by its id."""

    def test_listing_at_home_elsewhere_and_not_turned_on(self):
        """home, list-anywhere, not turned on: three ids, three answers."""
        snapshot = example_snapshot()
        us, individual = snapshot.account, snapshot.separate_accounts[0]
        home = evaluate_listing_marketplace(us, Marketplace.US)
        assert [r.message_id for r in home.reasons] == [
            "home-only-by-default.home"
        ]
        elsewhere = evaluate_listing_marketplace(us, Marketplace.CA)
        assert elsewhere.reasons[0].message_id == "list-anywhere.allowed"
        home_only = attrs.evolve(
            us, marketplaces={Marketplace.US}, info_overrides={}
        )
        off = evaluate_listing_marketplace(home_only, Marketplace.MX)
        assert [r.message_id for r in off.reasons] == [
            "home-only-by-default.not-turned-on"
        ]
        assert evaluate_unified(us).reasons[0].message_id == (
            "switcher-means-unified.unified"
        )
        assert evaluate_unified(individual).reasons[0].message_id == (
            "switcher-means-unified.not-unified"
        )


class TestHomeOnlyByDefault:
    """``home-only-by-default`` and ``list-anywhere``."""

    @given(
        ua.seller_accounts(homes=ua.marketplaces(in_scope=True)),
        ua.editions(),
    )
    def test_the_home_marketplace_is_always_available(self, account, edition):
        """Whatever the plan, products list at an NA home."""
        decision = evaluate_listing_marketplace(
            account, account.home, edition=edition
        )
        assert decision.allowed
        assert keys(decision) == {"home-only-by-default"}

    @given(ua.seller_accounts(), ua.marketplaces(in_scope=True))
    def test_listing_elsewhere_is_never_automatic(self, account, marketplace):
        """A marketplace the seller has not turned on is refused."""
        if marketplace not in account.marketplaces:
            decision = evaluate_listing_marketplace(account, marketplace)
            assert not decision.allowed

    @given(
        ua.seller_accounts(
            homes=ua.marketplaces(in_scope=True), others=st.just(frozenset())
        )
    )
    def test_with_nothing_turned_on_products_list_only_at_home(self, account):
        """The switcher left on home means home only."""
        offered = offer_marketplaces(account)
        assert offered.value == (account.home,)
        assert keys(offered) == {"home-only-by-default"}

    @given(ua.seller_accounts(), ua.editions())
    def test_offer_marketplaces_are_turned_on_and_allowed(self, account, ed):
        """Offered = home plus turned-on marketplaces the rules allow."""
        offered = set(offer_marketplaces(account, edition=ed).value)
        assert (account.home in offered) == (account.home in ed.scope)
        assert offered <= account.marketplaces
        for marketplace in account.marketplaces:
            allowed = evaluate_listing_marketplace(
                account, marketplace, edition=ed
            ).allowed
            assert (marketplace in offered) == allowed


class TestAccountInfoDefaults:
    """``account-info-defaults``."""

    @given(
        ua.seller_accounts(
            plans=ua.selling_plans(professional=True),
            homes=ua.marketplaces(in_scope=True),
        ),
        ua.marketplaces(in_scope=True),
        ua.account_infos(),
    )
    def test_customising_one_marketplace_never_changes_another(
        self, account, marketplace, info
    ):
        """Every other marketplace keeps exactly the information it had."""
        account = attrs.evolve(
            account, marketplaces=account.marketplaces | {marketplace}
        )
        updated = customise_account_info(account, marketplace, info)
        assert effective_account_info(updated, marketplace).value == info
        for other in scope_marketplaces():
            if other is not marketplace:
                assert effective_account_info(updated, other) == (
                    effective_account_info(account, other)
                )

    @given(ua.seller_accounts(), ua.marketplaces(in_scope=True))
    def test_resetting_restores_the_registration_default(
        self, account, marketplace
    ):
        """Without its override a marketplace uses registration data."""
        reset = reset_account_info(account, marketplace)
        assert effective_account_info(reset, marketplace).value == (
            account.registration_info
        )

    @given(ua.seller_accounts(), ua.marketplaces(in_scope=False))
    def test_customising_outside_the_scope_is_refused(self, account, where):
        """The refusal carries the ``na-scope`` decision."""
        info = account.registration_info
        with pytest.raises(RuleViolation) as error:
            customise_account_info(account, where, info)
        assert "na-scope" in keys(error.value.decision)
        with pytest.raises(RuleViolation) as error:
            effective_account_info(account, where)
        assert keys(error.value.decision) == {"na-scope"}

    def test_customising_a_marketplace_not_turned_on_is_refused(self):
        """Customise only where the account acts."""
        account = attrs.evolve(
            _example().account, marketplaces={Marketplace.US, Marketplace.CA}
        )
        with pytest.raises(RuleViolation) as error:
            customise_account_info(
                account, Marketplace.MX, account.registration_info
            )
        assert keys(error.value.decision) == {"home-only-by-default"}
        assert not error.value.decision.allowed

    @given(
        ua.seller_accounts(
            plans=ua.selling_plans(professional=False),
            homes=ua.marketplaces(in_scope=True),
            others=st.frozensets(ua.marketplaces(in_scope=True), min_size=1),
        )
    )
    def test_an_ineligible_account_customises_only_its_home(self, account):
        """An Individual account keeps one set of information."""
        for marketplace in account.marketplaces - {account.home}:
            with pytest.raises(RuleViolation) as error:
                customise_account_info(
                    account, marketplace, account.registration_info
                )
            assert "professional-only" in keys(error.value.decision)


def _example():
    from unified_account import example_snapshot

    return example_snapshot()


def test_faq_the_default_edition_is_the_faqs():
    """Policies default to the FAQ edition."""
    account = _example().separate_accounts[0]
    assert evaluate_eligibility(account) == evaluate_eligibility(
        account, edition=FAQ
    )


_AMERICAS = [m for m in Marketplace if m.name in {"US", "CA", "MX", "BR"}]


@given(scope=st.sets(st.sampled_from(_AMERICAS)))
def test_any_editions_scope_is_listed_in_catalogue_order(scope):
    """A caller's own edition too: its scope, in catalogue order."""
    scope = {Marketplace.US, *scope}  # the FAQ's brand registry is there
    edition = attrs.evolve(FAQ, name="own", scope=frozenset(scope))
    listed = scope_marketplaces(edition=edition)
    assert set(listed) == scope
    assert list(listed) == [m for m in Marketplace if m in scope]
    decision = evaluate_scope(listed[-1], edition=edition)
    assert decision.reasons[0].param("scope") == listed
