<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="269" />
        <source>LeNet Desktop</source>
        <translation>LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="270" />
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="271" />
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="272" />
        <source>Erase instead of drawing (E)</source>
        <translation>擦除而不是绘制 (E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="273" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="274" />
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布 (Esc)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="275" />
        <source>What the network sees (28×28):</source>
        <translation>网络看到的输入（28×28）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="276" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="669" />
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="277" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="278" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="279" />
        <source>&amp;Open Image…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="280" />
        <source>&amp;Paste Image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="281" />
        <source>&amp;Random Test Sample</source>
        <translation>随机测试样本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="282" />
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="283" />
        <source>Recent Models</source>
        <translation>最近的模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="284" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="285" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="286" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="287" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="288" />
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="289" />
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="290" />
        <source>Thicker Brush</source>
        <translation>加粗笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="291" />
        <source>Thinner Brush</source>
        <translation>减细笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="292" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="293" />
        <source>MNIST digits (shipped)</source>
        <translation>MNIST 手写数字（内置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="294" />
        <source>Fashion-MNIST garments (shipped)</source>
        <translation>Fashion-MNIST 服饰（内置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="295" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="296" />
        <source>Feature Maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="297" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="307" />
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="298" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="308" />
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="299" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="300" />
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="303" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="304" />
        <source>&amp;About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="306" />
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="311" />
        <source>Every channel of every conv and pool layer and its activation, one colour scale per layer. Hover for a value, click to enlarge.</source>
        <translation>每个卷积层、汇聚层及其激活函数的每个通道；每层一个色标。悬停查看数值，点击放大。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="317" />
        <source>The learned kernels: one row per output map, one column per input map.</source>
        <translation>学到的卷积核：每行对应一个输出特征图，每列对应一个输入特征图。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="321" />
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="322" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="323" />
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="324" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="325" />
        <source>Size ⌊(n − k + 2p + s) / s⌋</source>
        <translation>尺寸 ⌊(n − k + 2p + s) / s⌋</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="330" />
        <source>Loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="401" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="428" />
        <source>Could not open the model: {0}</source>
        <translation>无法打开模型：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="430" />
        <source>The current model is still in use.</source>
        <translation>仍在使用当前模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="471" />
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="482" />
        <source>Model: {0} · {1}</source>
        <translation>模型：{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="487" />
        <source>{0} — {1} parameters; input 1×28×28; p = padding per side.</source>
        <translation>{0} — 共 {1} 个参数；输入 1×28×28；p 为每侧填充。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="491" />
        <source>Test accuracy: {0:.2f} %.</source>
        <translation>测试准确率：{0:.2f} %。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="498" />
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="500" />
        <source>LeNet Desktop models (*.safetensors);;All files (*)</source>
        <translation>LeNet 桌面版模型 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="555" />
        <source>The picture is blank: no drawing found.</source>
        <translation>图片是空白的：没有找到笔迹。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="574" />
        <source>Open Image</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="576" />
        <source>Images ({0});;All files (*)</source>
        <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="590" />
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="673" />
        <source>a digit</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="673" />
        <source>a garment</source>
        <translation>一件服饰</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="676" />
        <source>Draw {0} on the canvas.</source>
        <translation>请在画布上画{0}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="679" />
        <source>&lt;span style='font-size:28pt; font-weight:bold'&gt;{0}&lt;/span&gt; {1:.1f} %</source>
        <translation>&lt;span style='font-size:28pt; font-weight:bold'&gt;{0}&lt;/span&gt; {1:.1f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="684" />
        <source>Test sample #{0} · true label: {1} {2}</source>
        <translation>测试样本 #{0} · 真实标签：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="725" />
        <source>About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="727" />
        <source>&lt;h3&gt;LeNet Desktop {0}&lt;/h3&gt;&lt;p&gt;Draw a digit or a garment and see what LeNet sees.&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;Device: {6}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LeNet 桌面版 {0}&lt;/h3&gt;&lt;p&gt;画一个数字或一件服饰，看看 LeNet 看到了什么。&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;设备：{6}&lt;/p&gt;</translation>
    </message>
</context>
</TS>