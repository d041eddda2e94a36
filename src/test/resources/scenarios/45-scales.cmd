# Scales: baseScale 100 (BTC units per lot), quoteScale 10 (USD units per tick x lot).
# A trade of q lots at p moves q*100 BTC and p*q*10 USD; reservations use the same products.
SYMBOL,0,BTC-USD,BTC,USD,100,10
DEPOSIT,0,1,USD,100000
DEPOSIT,0,2,BTC,10000
# each reserves 5*100 = 500 BTC: available 9000, reserved 1000
PLACE,1,2,100,BTC-USD,SELL,LIMIT,GTC,200,5
PLACE,1,2,101,BTC-USD,SELL,LIMIT,GTC,210,5
# 91*100 = 9100 > 9000
PLACE,1,2,102,BTC-USD,SELL,LIMIT,GTC,300,91
# reserves 215*7*10 = 15050 (available 84950)
#   5 @200: reserved -215*5*10 = -10750, available +(215-200)*5*10 = +750, BTC +500
#   2 @210: reserved -215*2*10 = -4300, available +(215-210)*2*10 = +100, BTC +200
#   paid 10000 + 4200 = 14200: available 85800
PLACE,2,1,103,BTC-USD,BUY,LIMIT,GTC,215,7
# 100*86*10 = 86000 > 85800; 100*85*10 = 85000 fits (available 800)
PLACE,3,1,104,BTC-USD,BUY,LIMIT,GTC,100,86
PLACE,3,1,105,BTC-USD,BUY,LIMIT,GTC,100,85
# reserves 200 BTC; 2 @100: 200 BTC to account 1, 100*2*10 = 2000 USD to account 2
PLACE,4,2,106,BTC-USD,SELL,MARKET,IOC,,2
# 3 lots left: 300 BTC released
CANCEL,5,2,101
