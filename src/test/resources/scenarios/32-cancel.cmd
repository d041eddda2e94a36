# CANCEL: USER reason, openQty is what it takes off the book (6 of a partially filled 10),
# reservation released; UNKNOWN_ORDER for a done order, another account's order, a nonexistent
# account, an id never used, and a fully filled order.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,1,100,BTC-USD,BUY,LIMIT,GTC,100,10
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,110,5
PLACE,2,2,102,BTC-USD,SELL,LIMIT,IOC,100,4
# 600 released
CANCEL,3,1,100
CANCEL,4,1,100
CANCEL,4,1,101
CANCEL,4,7,101
CANCEL,4,2,999
CANCEL,4,2,102
# 5 BTC released
CANCEL,5,2,101
