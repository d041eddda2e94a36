# A limit BUY filled below its limit releases (limit - price) * qty * quoteScale to available at once.
SYMBOL,0,BTC-USD,BTC,USD
DEPOSIT,0,1,USD,10000
DEPOSIT,0,2,BTC,100
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,100,2
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,102,2
# reserves 105*6 = 630 (available 9370)
# 2 @100: reserved -210, available +10; 2 @102: reserved -210, available +6
# 2 rest at 105: reserved 210, available 9386
PLACE,2,1,102,BTC-USD,BUY,LIMIT,GTC,105,6
WITHDRAW,3,1,USD,9387
WITHDRAW,3,1,USD,9386
