"""Short sample paragraphs, one per script, for the draw tests."""

UR = (
    "محترم وزیرِ داخلہ صاحب، ہم آپ کی توجہ افغان مہاجرین کی جبری واپسی کی طرف دلانا چاہتے ہیں۔ "
    "پاکستان میں رہنے والے ہزاروں خاندان ہراسانی اور من مانی حراست کا سامنا کر رہے ہیں۔ "
    "ہم آپ سے درخواست کرتے ہیں کہ عدم واپسی کے اصول کا احترام کیا جائے اور انہیں تحفظ فراہم کیا جائے۔"
)
AR = (
    "نحن نكتب إليكم بشأن اللاجئين الأفغان في باكستان. يجب احترام مبدأ عدم الإعادة القسرية "
    "وحماية حقوق الإنسان لجميع الأشخاص دون تمييز."
)
FA = (
    "ما از شما می‌خواهیم که به حقوق پناهجویان افغان احترام بگذارید. بازگرداندن اجباری آنان "
    "به افغانستان خطرناک است و باید فوراً متوقف شود."
)
HI = (
    "हम आपसे अनुरोध करते हैं कि अफ़ग़ान शरणार्थियों की जबरन वापसी तुरंत रोकी जाए। उनकी स्थिति "
    "गंभीर है और उनकी सुरक्षा करना आपकी ज़िम्मेदारी है।"
)
EN = (
    "We write to urge you to halt the forced return of Afghan refugees. The office affirms "
    "its efficient, fluffy and official policy of shelter."
)

# (font, text, language, right-to-left)
SAMPLES = {
    "ur": ("NotoNastaliqUrdu-Regular", UR, "ur", True),
    "ar": ("NotoNaskhArabic-Regular", AR, "ar", True),
    "fa": ("NotoNaskhArabic-Regular", FA, "fa", True),
    "hi": ("NotoSansDevanagari-Regular", HI, "hi", False),
    "en": ("NotoSans-Regular", EN, "en", False),
}
