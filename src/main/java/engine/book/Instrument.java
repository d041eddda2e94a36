package engine.book;

import engine.api.CheckedMath;
import engine.api.Side;

/** A tradable symbol: its two assets, its scales and its book. */
public final class Instrument
{
    private final long symbolHi;
    private final long symbolLo;
    private final int baseAsset;
    private final int quoteAsset;
    private final long baseScale;
    private final long quoteScale;
    private final long[] assetNames;
    private final OrderBook book = new OrderBook();

    public Instrument(final long symbolHi, final long symbolLo, final int baseAsset, final int quoteAsset,
        final long baseScale, final long quoteScale, final long[] assetNames)
    {
        this.symbolHi = symbolHi;
        this.symbolLo = symbolLo;
        this.baseAsset = baseAsset;
        this.quoteAsset = quoteAsset;
        this.baseScale = baseScale;
        this.quoteScale = quoteScale;
        this.assetNames = assetNames;
    }

    public long baseAssetHi()
    {
        return assetNames[0];
    }

    public long baseAssetLo()
    {
        return assetNames[1];
    }

    public long quoteAssetHi()
    {
        return assetNames[2];
    }

    public long quoteAssetLo()
    {
        return assetNames[3];
    }

    public long symbolHi()
    {
        return symbolHi;
    }

    public long symbolLo()
    {
        return symbolLo;
    }

    public int baseAsset()
    {
        return baseAsset;
    }

    public int quoteAsset()
    {
        return quoteAsset;
    }

    public long baseScale()
    {
        return baseScale;
    }

    public long quoteScale()
    {
        return quoteScale;
    }

    public OrderBook book()
    {
        return book;
    }

    /** The asset an order on {@code side} holds while open: quote for bids, base for asks. */
    public int reservedAsset(final Side side)
    {
        return side == Side.BUY ? quoteAsset : baseAsset;
    }

    /** What a limit order holds for {@code qty} open lots, or {@link CheckedMath#OVERFLOW}. */
    public long reservation(final Side side, final long price, final long qty)
    {
        return side == Side.BUY ? CheckedMath.multiply(price, qty, quoteScale) : CheckedMath.multiply(qty, baseScale);
    }

    /** Quote units for {@code qty} lots at {@code price}; callers know it fits. */
    public long notional(final long price, final long qty)
    {
        return price * qty * quoteScale;
    }
}
