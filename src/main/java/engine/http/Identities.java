package engine.http;

import engine.core.EventBatch;
import engine.gateway.ClientOrderIds;

/**
 * The tables the HTTP front end keeps beside the read models: request ids and client order ids.
 * Both are rebuilt from the commands' output ({@link #learn}), so a restarted engine or a
 * projection process knows them as the engine that took the commands did.
 */
public final class Identities
{
    private final RequestIds requests = new RequestIds();
    private final ClientOrderIds orders;

    public Identities()
    {
        this(new ClientOrderIds());
    }

    /** With {@code orders} allocating engine order ids (a cluster member's front end: its own slot of them). */
    public Identities(final ClientOrderIds orders)
    {
        this.orders = orders;
    }

    /** Takes in one command's identities; call in sequence order. */
    public void learn(final EventBatch batch)
    {
        requests.learn(batch);
        orders.learn(batch);
    }

    RequestIds requests()
    {
        return requests;
    }

    /** The client order id mapping, for other front ends in the same JVM (FIX). */
    public ClientOrderIds orders()
    {
        return orders;
    }
}
