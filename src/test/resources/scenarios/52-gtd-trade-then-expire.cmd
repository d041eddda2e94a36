# A GTD aggressor trades on arrival, rests its remainder, and that remainder expires later;
# a GTD cancelled by the user before its expiry produces nothing at expiry time.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
# reserves 525; 2 @100 (10 released); 3 rest at 105 (315)
PLACE,2,1,101,BTC-USD,BUY,LIMIT,GTD:10,105,5
PLACE,3,1,102,BTC-USD,BUY,LIMIT,GTD:10,90,1
CANCEL,4,1,102
TICK,10
