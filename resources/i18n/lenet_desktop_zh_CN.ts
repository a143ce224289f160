<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="275" />
        <source>LeNet Desktop</source>
        <translation>LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="276" />
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="277" />
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="278" />
        <source>Erase instead of drawing (E)</source>
        <translation>擦除而不是绘制 (E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="279" />
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="280" />
        <source>Clear the canvas (Esc)</source>
        <translation>清空画布 (Esc)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="281" />
        <source>What the network sees (28×28):</source>
        <translation>网络看到的输入（28×28）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="282" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="749" />
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="283" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="284" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="285" />
        <source>&amp;Open Image…</source>
        <translation>打开图片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="286" />
        <source>&amp;Paste Image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="287" />
        <source>&amp;Random Test Sample</source>
        <translation>随机测试样本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="288" />
        <source>Open &amp;Model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="289" />
        <source>Recent Models</source>
        <translation>最近的模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="290" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="291" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="292" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="293" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="294" />
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="295" />
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="296" />
        <source>Thicker Brush</source>
        <translation>加粗笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="297" />
        <source>Thinner Brush</source>
        <translation>减细笔刷</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="298" />
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="299" />
        <source>MNIST digits (shipped)</source>
        <translation>MNIST 手写数字（内置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="300" />
        <source>Fashion-MNIST garments (shipped)</source>
        <translation>Fashion-MNIST 服饰（内置）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="301" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="302" />
        <source>Feature Maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="303" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="314" />
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="304" />
        <location filename="../../lenet_desktop/ui/main_window.py" line="315" />
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="305" />
        <source>&amp;Training…</source>
        <translation>训练(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="306" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="307" />
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="310" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="311" />
        <source>&amp;About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="313" />
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="318" />
        <source>Every channel of every conv and pool layer and its activation, one colour scale per layer. Hover for a value, click to enlarge.</source>
        <translation>每个卷积层、汇聚层及其激活函数的每个通道；每层一个色标。悬停查看数值，点击放大。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="324" />
        <source>The learned kernels: one row per output map, one column per input map.</source>
        <translation>学到的卷积核：每行对应一个输出特征图，每列对应一个输入特征图。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="328" />
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="329" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="330" />
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="331" />
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="332" />
        <source>Size ⌊(n − k + 2p + s) / s⌋</source>
        <translation>尺寸 ⌊(n − k + 2p + s) / s⌋</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="337" />
        <source>Loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="428" />
        <source>Loading {0}…</source>
        <translation>正在加载 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="455" />
        <source>Could not open the model: {0}</source>
        <translation>无法打开模型：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="457" />
        <source>The current model is still in use.</source>
        <translation>仍在使用当前模型。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="498" />
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="509" />
        <source>Model: {0} · {1}</source>
        <translation>模型：{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="514" />
        <source>{0} — {1} parameters; input 1×28×28; p = padding per side.</source>
        <translation>{0} — 共 {1} 个参数；输入 1×28×28；p 为每侧填充。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="518" />
        <source>Test accuracy: {0:.2f} %.</source>
        <translation>测试准确率：{0:.2f} %。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="543" />
        <source>trained {0} ({1})</source>
        <translation>新训练的 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="572" />
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="574" />
        <source>LeNet Desktop models (*.safetensors);;All files (*)</source>
        <translation>LeNet 桌面版模型 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="629" />
        <source>The picture is blank: no drawing found.</source>
        <translation>图片是空白的：没有找到笔迹。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="648" />
        <source>Open Image</source>
        <translation>打开图片</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="650" />
        <source>Images ({0});;All files (*)</source>
        <translation>图片 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="664" />
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="753" />
        <source>a digit</source>
        <translation>一个数字</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="753" />
        <source>a garment</source>
        <translation>一件服饰</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="756" />
        <source>Draw {0} on the canvas.</source>
        <translation>请在画布上画{0}。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="759" />
        <source>&lt;span style='font-size:28pt; font-weight:bold'&gt;{0}&lt;/span&gt; {1:.1f} %</source>
        <translation>&lt;span style='font-size:28pt; font-weight:bold'&gt;{0}&lt;/span&gt; {1:.1f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="764" />
        <source>Test sample #{0} · true label: {1} {2}</source>
        <translation>测试样本 #{0} · 真实标签：{1} {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="805" />
        <source>About LeNet Desktop</source>
        <translation>关于 LeNet 桌面版</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="807" />
        <source>&lt;h3&gt;LeNet Desktop {0}&lt;/h3&gt;&lt;p&gt;Draw a digit or a garment and see what LeNet sees.&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;Device: {6}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LeNet 桌面版 {0}&lt;/h3&gt;&lt;p&gt;画一个数字或一件服饰，看看 LeNet 看到了什么。&lt;/p&gt;&lt;p&gt;PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · Python {5}&lt;/p&gt;&lt;p&gt;设备：{6}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="825" />
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/main_window.py" line="826" />
        <source>A training is running. Stop it and close the window?</source>
        <translation>训练正在进行。要停止训练并关闭窗口吗？</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="288" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="290" />
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="291" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="292" />
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="293" />
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="294" />
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="295" />
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="296" />
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="297" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="298" />
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="299" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="300" />
        <source>Live view</source>
        <translation>实时查看</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="304" />
        <source>download with torchvision if missing</source>
        <translation>缺少时用 torchvision 下载</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="305" />
        <source>random affine (and flips for garments)</source>
        <translation>随机仿射变换（服饰另加水平翻转）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="306" />
        <source>show the newest weights after each epoch</source>
        <translation>每轮结束后显示最新权重</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="307" />
        <source>folder with the four IDX files</source>
        <translation>含四个 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="310" />
        <source>Train</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="311" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="312" />
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="313" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="314" />
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="315" />
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="316" />
        <source>Accuracy (blue: training, orange: test)</source>
        <translation>准确率（蓝：训练集，橙：测试集）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="317" />
        <source>Confusion matrix (rows: true, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="318" />
        <source>Misclassified test images (click to inspect):</source>
        <translation>分类错误的测试图片（点击查看）：</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="319" />
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="320" />
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="346" />
        <source>Dataset folder</source>
        <translation>数据集文件夹</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="357" />
        <source>Choose the dataset folder, or tick Download.</source>
        <translation>请选择数据集文件夹，或勾选“下载”。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="359" />
        <source>{0}: no such folder</source>
        <translation>{0}：文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="396" />
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="397" />
        <source>Training {0} on {1}…</source>
        <translation>正在用 {1} 训练 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="427" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="454" />
        <source>epoch {0}/{1} · %p% · ETA {2} · {3:,.0f} samples/s</source>
        <translation>第 {0}/{1} 轮 · %p% · 剩余 {2} · 每秒 {3:,.0f} 个样本</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="464" />
        <source>epoch {0}: loss {1:.4f}, training {2:.2f} %, test {3:.2f} %</source>
        <translation>第 {0} 轮：损失 {1:.4f}，训练集 {2:.2f} %，测试集 {3:.2f} %</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="492" />
        <source>Done: {0:.2f} % of {1} test images right in {2:.0f} s.</source>
        <translation>完成：{1} 张测试图片中 {0:.2f} % 分类正确，用时 {2:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="497" />
        <source>Test accuracy: {0:.2f} % ({1} wrong of {2})</source>
        <translation>测试准确率：{0:.2f} %（{2} 张中错 {1} 张）</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="510" />
        <source>Training failed: {0}</source>
        <translation>训练失败：{0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="516" />
        <source>Training cancelled after {0:.2f} s; nothing was kept.</source>
        <translation>训练已在 {0:.2f} 秒内取消；未保留任何结果。</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="552" />
        <source>#{0}: true {1}, predicted {2}</source>
        <translation>#{0}：真实 {1}，预测 {2}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="565" />
        <source>Save Model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="567" />
        <source>LeNet Desktop models (*.safetensors)</source>
        <translation>LeNet 桌面版模型 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="582" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="80" />
        <source>Downloading {0}…</source>
        <translation>正在下载 {0}…</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="82" />
        <source>Reading {0} from {1}</source>
        <translation>正在从 {1} 读取 {0}</translation>
    </message>
    <message>
        <location filename="../../lenet_desktop/ui/training_panel.py" line="85" />
        <source>{0} training and {1} test images</source>
        <translation>训练图片 {0} 张，测试图片 {1} 张</translation>
    </message>
</context>
</TS>