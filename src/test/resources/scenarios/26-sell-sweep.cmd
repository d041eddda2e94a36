# A limit SELL sweeps several bid levels (best = highest first) at the bids' prices, stops at a
# bid below its limit, and rests its remainder.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,100000
DEPOSIT,0,2,BTC,100
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,105,1
PLACE,1,1,101,BTC-USD,BUY,LIMIT,GTC,103,2
PLACE,1,1,102,BTC-USD,BUY,LIMIT,GTC,100,3
PLACE,1,1,103,BTC-USD,BUY,LIMIT,GTC,104,1
# 1 @105, 1 @104, 2 @103 = 105 + 104 + 206 = 415; 100 < 101 stops; 1 rests at 101
PLACE,2,2,104,BTC-USD,SELL,LIMIT,GTC,101,5
