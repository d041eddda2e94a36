# MARKET BUY with enough funds: sweeps asks at the asks' prices; when the book runs out the rest
# is IOC_REMAINDER; an empty ask side cancels the whole order.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,100000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,120,3
# pays 200 + 360 = 560
PLACE,2,1,102,BTC-USD,BUY,MARKET,IOC,,10
PLACE,3,1,103,BTC-USD,BUY,MARKET,IOC,,1
