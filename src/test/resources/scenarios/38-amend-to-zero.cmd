# AMEND with 0 < newTotalQty <= filled cancels the order (AMENDED_TO_ZERO): only a CANCELED event,
# whose openQty is the open qty that was on the book. newTotalQty 0 is INVALID_QTY instead, and
# INVALID_PRICE is checked before AMENDED_TO_ZERO.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
# reserves 200
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,20,10
# filled 4, open 6 (reserved 120)
PLACE,2,2,101,BTC-USD,SELL,LIMIT,IOC,20,4
AMEND,3,1,100,,0
# total 4 = filled: cancelled, 120 released
AMEND,4,1,100,,4
AMEND,5,1,100,,10
PLACE,6,1,102,BTC-USD,BUY,LIMIT,GTC,30,5
PLACE,7,2,103,BTC-USD,SELL,LIMIT,IOC,30,3
# total 1 < filled 3, with a new price too: cancelled, open 2
AMEND,8,1,102,25,1
PLACE,9,1,104,BTC-USD,BUY,LIMIT,GTC,10,5
PLACE,10,2,105,BTC-USD,SELL,LIMIT,IOC,10,2
AMEND,11,1,104,0,1
