"""Attribution: claimants of figures, their source types, hedging, and quote speakers."""
