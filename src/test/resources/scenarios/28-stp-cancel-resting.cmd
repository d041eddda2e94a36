# stp: CANCEL_RESTING
# Own resting orders met during matching are cancelled (SELF_TRADE) in book order, interleaved
# with the trades, and matching goes on; works for limit and market takers.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,1,BTC,100
DEPOSIT,0,2,BTC,100
DEPOSIT,0,2,USD,10000
PLACE,1,1,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,1,102,BTC-USD,SELL,LIMIT,GTC,101,1
PLACE,1,2,103,BTC-USD,SELL,LIMIT,GTC,102,5
# own 100 cancelled, 2 @100 from 101, own 102 cancelled, 2 @102 from 103 (3 left)
PLACE,2,1,104,BTC-USD,BUY,LIMIT,GTC,102,4
# account 2 meets its own 103: cancelled; no other ask, so 105 rests at 102
PLACE,3,2,105,BTC-USD,BUY,LIMIT,GTC,102,1
PLACE,4,1,106,BTC-USD,BUY,LIMIT,GTC,101,1
# own bid 105 cancelled, 1 @101 from 106, book empty: 2 IOC_REMAINDER
PLACE,5,2,107,BTC-USD,SELL,MARKET,IOC,,3
