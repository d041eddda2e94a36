# stp: CANCEL_INCOMING
# A market sell whose best bid is its own: the whole order is cancelled SELF_TRADE, nothing trades,
# its reservation is released; a MARKET FOK in the same spot has 0 fillable lots.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,1,BTC,10
DEPOSIT,0,2,USD,1000
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,BUY,LIMIT,GTC,99,2
PLACE,2,1,102,BTC-USD,SELL,MARKET,IOC,,5
PLACE,3,1,103,BTC-USD,SELL,MARKET,FOK,,1
