# Market buy floor rule with scales: baseScale 10, quoteScale 3. A fill of q lots at p costs p*q*3;
# when short, it takes floor(available / (p*3)) lots. MARKET FOK BUY with scales.
SYMBOL,0,ETH-USD,ETH,USD,10,3
DEPOSIT,0,1,USD,1000
DEPOSIT,0,2,ETH,1000
# reserve 40 and 200 ETH
PLACE,1,2,100,ETH-USD,SELL,LIMIT,GTC,20,4
PLACE,1,2,101,ETH-USD,SELL,LIMIT,GTC,25,20
# 4 @20 = 20*4*3 = 240, paid, 760 left; 20 @25 = 1500 > 760: floor(760/75) = 10 lots (750), 10 left;
# 30 - 4 - 10 = 16 cancelled; account 1 gets 14*10 = 140 ETH
PLACE,2,1,102,ETH-USD,BUY,MARKET,IOC,,30
# 1 @25 = 75 > 10
PLACE,3,1,103,ETH-USD,BUY,MARKET,FOK,,1
DEPOSIT,4,1,USD,65
PLACE,5,1,104,ETH-USD,BUY,MARKET,FOK,,1
