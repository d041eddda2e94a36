# stp: CANCEL_RESTING
# POST_ONLY is judged on price alone even under STP: crossing its own ask is rejected and the ask
# is not cancelled. A market buy that meets only its own ask cancels it (SELF_TRADE), then finds
# the book empty: IOC_REMAINDER.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,1000
DEPOSIT,0,1,BTC,10
PLACE,1,1,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,2,1,101,BTC-USD,BUY,LIMIT,POST_ONLY,100,1
PLACE,3,1,102,BTC-USD,BUY,MARKET,IOC,,1
