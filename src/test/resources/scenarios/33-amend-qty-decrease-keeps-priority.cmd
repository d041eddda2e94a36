# AMEND at the same price with a smaller open qty keeps the queue place and releases the difference;
# an explicit unchanged price counts as the same price.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,BTC,100
DEPOSIT,0,2,BTC,100
DEPOSIT,0,3,USD,10000
PLACE,1,1,100,BTC-USD,SELL,LIMIT,GTC,50,5
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,50,5
# reserved 5 -> 3
AMEND,2,1,100,,3
# reserved 3 -> 2
AMEND,3,1,100,50,2
# 100 is still first: 2 @50 from 100, then 1 @50 from 101
PLACE,4,3,102,BTC-USD,BUY,LIMIT,IOC,50,3
