# MARKET BUY reserves nothing; each fill is paid from available quote. When the next fill can't be
# paid in full it takes floor(available / (price * quoteScale)) lots (maybe 0) and the rest is
# cancelled INSUFFICIENT_FUNDS. A fill costing exactly the available amount is paid in full.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,550
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,3
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,110,5
PLACE,1,2,102,BTC-USD,SELL,LIMIT,GTC,120,5
# 3 @100 = 300 <= 550 paid, 250 left; 5 @110 = 550 > 250: floor(250/110) = 2 lots (220), 30 left;
# 10 - 3 - 2 = 5 cancelled
PLACE,2,1,103,BTC-USD,BUY,MARKET,IOC,,10
# floor(30/110) = 0 lots: ACCEPTED, then the whole qty cancelled
PLACE,3,1,104,BTC-USD,BUY,MARKET,IOC,,1
DEPOSIT,4,1,USD,300
# 330 available, 3 @110 = 330: paid in full, order done
PLACE,5,1,105,BTC-USD,BUY,MARKET,IOC,,3
