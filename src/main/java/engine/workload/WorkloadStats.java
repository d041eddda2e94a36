package engine.workload;

/**
 * What the generator's own mirror of the books predicts a workload will do, assuming the engine
 * accepts every generated command and runs without self-trade prevention (the default).
 *
 * @param commands         command lines written (setup lines included)
 * @param orders           {@code PLACE} commands
 * @param takerOrders      orders that traded on arrival
 * @param tradedOrders     orders that traded at least once, on arrival, after an amend, or as maker
 * @param tradingCommands  commands (places and amends) that produced at least one trade
 * @param trades           expected {@code TRADE} events
 */
public record WorkloadStats(long commands, long orders, long takerOrders, long tradedOrders,
                            long tradingCommands, long trades)
{

    /** Share of all commands that produce at least one trade. */
    public double tradingCommandRatio()
    {
        return commands == 0 ? 0 : (double) tradingCommands / commands;
    }

    /** Share of orders that traded on arrival. */
    public double takerRatio()
    {
        return orders == 0 ? 0 : (double) takerOrders / orders;
    }

    /** Share of orders that traded at some point. */
    public double tradedOrderRatio()
    {
        return orders == 0 ? 0 : (double) tradedOrders / orders;
    }
}
