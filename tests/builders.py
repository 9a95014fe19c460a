"""Small builders the tests share."""

from unified_account import FulfillmentChannel, Listing, Money


def listing(
    marketplace,
    channel=FulfillmentChannel.MFN,
    sku="MUG-1",
    title="Mug",
    **changes,
):
    """A listing of ``sku`` in ``marketplace``, priced 10 in its currency."""
    return Listing(
        sku=sku,
        marketplace=marketplace,
        title=title,
        price=Money("10.00", marketplace.currency),
        channel=channel,
        **changes,
    )
